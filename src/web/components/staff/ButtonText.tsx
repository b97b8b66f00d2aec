/**
 * A short visible button label ("삭제") with the object it acts on for screen readers
 * ("삭제 지니포럼 협의 결과"), so a list of identical buttons is still told apart.
 */
export function ButtonText({ text, object }: { text: string; object: string }) {
  return (
    <>
      {text}
      <span className="visually-hidden"> {object}</span>
    </>
  );
}
