/** A native select of named records (native: the phone's own picker, and no library); `data-testid` is its id. */
export function PickOne(props: {
  id: string;
  invalid: boolean;
  value: string;
  items: ReadonlyArray<{ id: string; name: string }>;
  onChange: (id: string) => void;
  /** The empty option's text. */
  placeholder?: string;
}) {
  return (
    <select id={props.id} className={props.invalid ? 'f-input f-invalid' : 'f-input'} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.id}>
      <option value="">{props.placeholder ?? '请选择'}</option>
      {props.items.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name}
        </option>
      ))}
    </select>
  );
}
