/**
 * How a grouping tie reads to a person. Date ties carry group/dates.ts keys, which stay as they are in
 * report.json and the exports (programs compare them); on a page, "--06-30" (a day named without a year)
 * and "w2024-06-24" (a week, by its Monday) are spelled out.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function tieText(tie: { kind: string; value: string }): string {
  if (tie.kind !== 'date') return tie.value;
  const day = /^--(\d\d)-(\d\d)$/.exec(tie.value);
  if (day) {
    const month = MONTHS[Number(day[1]) - 1];
    return month ? `${month} ${Number(day[2])} of any year` : tie.value;
  }
  const week = /^w(\d{4}-\d\d-\d\d)$/.exec(tie.value);
  return week ? `week of ${week[1]}` : tie.value;
}
