/**
 * What a fact box shows, resolved from a release document: speakers and envoys by name and
 * role, sources as links. The element renders it; a server-rendered page can render the same.
 */
import type { ReleaseDocument, Source } from '../data/schema';

interface SourceLink {
  label: string;
  url: string;
  reporting?: string | undefined;
}

export interface FactBoxModel {
  doc: ReleaseDocument;
  /** Name and one-line description of a person in the document, by id. */
  person: (id: string) => { name: string; description: string };
  /** The link for a source in the document, by id. */
  source: (id: string) => SourceLink | undefined;
}

/**
 * @example
 * const { doc, person } = toFactBoxModel(await (await fetch(url)).json());
 * person(doc.deal.envoy).name; // "John Coale"
 */
export function toFactBoxModel(doc: ReleaseDocument): FactBoxModel {
  const people = new Map(doc.people.map((p) => [p.id, p]));
  const sources = new Map(doc.sources.map((s) => [s.id, link(s)]));
  return {
    doc,
    person: (id) => people.get(id) ?? { name: id, description: '' },
    source: (id) => sources.get(id),
  };
}

function link({ publisher, title, url, reporting }: Source): SourceLink {
  // The schema admits http(s) only; inline data is not validated, so check again here.
  return { label: `${publisher}: ${title}`, url: /^https?:\/\//i.test(url) ? url : '#', reporting };
}
