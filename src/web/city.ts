/** Jeonju City Hall's main line (민원콜센터): the footer and the policy pages give it. */
export const CITY_PHONE = '063-281-2114';
