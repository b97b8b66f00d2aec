/** A one-line search (or token) form: label, input and button in a row; `onSearch` gets the trimmed text. */
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';

export function SearchForm({
  label,
  button,
  onSearch,
  name = 'q',
  testId,
  search = true,
  buttonClassName = 'button-secondary',
  busy = false,
  input,
}: {
  label: ReactNode;
  button: ReactNode;
  onSearch: (text: string) => void;
  name?: string;
  testId?: string;
  /** A search landmark with a search input (false: a plain text input, e.g. a ticket token). */
  search?: boolean;
  buttonClassName?: string;
  busy?: boolean;
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;
}) {
  const id = useId();
  const { register, handleSubmit } = useForm<Record<string, string>>({ defaultValues: { [name]: '' } });
  return (
    <form className="search-form" role={search ? 'search' : undefined} onSubmit={handleSubmit((v) => onSearch((v[name] ?? '').trim()))} data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <div className="search-row">
        <input id={id} type={search ? 'search' : 'text'} {...input} {...register(name)} />
        <button type="submit" className={buttonClassName} disabled={busy}>
          {button}
        </button>
      </div>
    </form>
  );
}
