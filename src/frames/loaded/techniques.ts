/**
 * Propaganda technique labels, spelled exactly as in the Propaganda Techniques
 * Corpus (Da San Martino et al., EMNLP 2019; SemEval-2020 Task 11) so that
 * findings can be scored against it without a mapping table.
 */
export const TECHNIQUES = [
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Exaggeration,Minimisation',
  'Doubt',
  'Flag-Waving',
  'Appeal_to_fear-prejudice',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

/** Short codes used in the lexicon files (data/lexicons/loaded-*.json). */
export const TECHNIQUE_CODES: Readonly<Record<string, Technique>> = {
  LL: 'Loaded_Language',
  NC: 'Name_Calling,Labeling',
  EM: 'Exaggeration,Minimisation',
  DB: 'Doubt',
  FW: 'Flag-Waving',
  AF: 'Appeal_to_fear-prejudice',
};

export function isTechnique(s: string): s is Technique {
  return (TECHNIQUES as readonly string[]).includes(s);
}
