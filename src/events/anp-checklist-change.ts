export interface AnpChecklistChangeDetail {
  /** The item that changed, by position and text. */
  index: number;
  item: string;
  checked: boolean;
  /** How many items are ticked now, of how many. */
  done: number;
  total: number;
  /** Ticked state of every item, in order. */
  states: boolean[];
}

/** Fired (bubbling, composed) each time a reader ticks or unticks a checklist item. */
export class AnpChecklistChangeEvent extends CustomEvent<AnpChecklistChangeDetail> {
  static readonly eventName = 'anp-checklist-change';

  constructor(detail: AnpChecklistChangeDetail) {
    super(AnpChecklistChangeEvent.eventName, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'anp-checklist-change': AnpChecklistChangeEvent;
  }
}
