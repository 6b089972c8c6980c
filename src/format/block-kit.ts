/**
 * The only importer of @slack/types: the Block Kit shapes the renderers build, as types only (nothing of the
 * library runs), so that a change of Slack's type package touches one file.
 */
export type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  ModalView,
  RawTextElement,
  SectionBlock,
  TableBlock,
} from '@slack/types';
