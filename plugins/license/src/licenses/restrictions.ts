/**
 * What a licence demands of its users and of derived works, as far as this plugin reasons about it.
 * A licence with none of these is treated as permissive.
 */
export interface Restrictions {
  /** Commercial use forbidden (CC *-NC-*, research-only model licences). */
  nonCommercial?: boolean;
  /** Derivative works (fine-tunes, models trained on the data) forbidden or not redistributable. */
  noDerivatives?: boolean;
  /** Derivatives must carry the same (or a compatible copyleft) licence: CC *-SA-*, GPL, ODbL. */
  shareAlike?: boolean;
  /** Use-based restrictions that must be passed on (RAIL attachments, acceptable-use policies), named. */
  use?: string;
  /**
   * Licence family whose terms pass to derivatives (`llama`, `gemma`, …): a derivative must be
   * distributed under a licence of the same family.
   */
  family?: string;
}

/** The restriction kinds, in the order messages list them. */
export const RESTRICTION_KINDS = ['nonCommercial', 'noDerivatives', 'shareAlike', 'use', 'family'] as const;

/** One of {@link RESTRICTION_KINDS}. */
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

/** Human wording of each restriction kind, for messages. */
export const RESTRICTION_LABELS: Record<RestrictionKind, string> = {
  nonCommercial: 'non-commercial',
  noDerivatives: 'no-derivatives',
  shareAlike: 'share-alike',
  use: 'use restrictions',
  family: 'licence terms passed to derivatives',
};
