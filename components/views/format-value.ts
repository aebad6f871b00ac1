/** How a number or other value is shown in a data item or table cell: decimals, then the unit. */
export function formatValue(
  value: number | string | boolean | null | undefined,
  options: { decimals?: number; suffix?: string } = {},
): string {
  let text: string;
  if (value === null || value === undefined) text = "—";
  else if (typeof value === "boolean") text = value ? "yes" : "no";
  else if (typeof value === "number") {
    if (!Number.isFinite(value)) text = String(value);
    else
      text =
        options.decimals === undefined
          ? String(value)
          : value.toLocaleString("en-GB", { minimumFractionDigits: options.decimals, maximumFractionDigits: options.decimals });
    // -0.00 reads as a sign error to an engineer
    if (/^-0(\.0+)?$/.test(text)) text = text.slice(1);
  } else text = value;
  return options.suffix && value !== null && value !== undefined && text !== "" ? `${text} ${options.suffix}` : text;
}
