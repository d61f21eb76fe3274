// Values on their way into PostgreSQL: its text type cannot hold U+0000, which feeds do carry now and then (SQLite
// stores it); it is dropped from what the team library keeps.

const NUL = /\u0000/g;

export function clean<T>(value: T): T {
  return (typeof value === 'string' ? value.replace(NUL, '') : value) as T;
}
