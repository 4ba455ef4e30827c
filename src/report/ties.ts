/**
 * How a grouping tie reads to a person. Date ties carry group/'s date keys, which stay as they are in
 * report.json and the exports (programs compare them); on a page group/'s `dateKeyText` spells them out.
 */
import { dateKeyText } from '../group/index.js';

export function tieText(tie: { kind: string; value: string }): string {
  return tie.kind === 'date' ? dateKeyText(tie.value) : tie.value;
}
