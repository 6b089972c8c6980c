/**
 * Text as it sits on the page: what pdf/ produces from a PDF and parse/ reads. Coordinates are PDF points with the
 * origin at the top-left of the page, y growing downwards, measured at the text's baseline.
 */
export interface TextItem {
  readonly text: string;
  /** Left edge. */
  readonly x: number;
  /** Baseline, from the top of the page. */
  readonly y: number;
  readonly width: number;
  /** Font size in points. */
  readonly height: number;
  readonly fontName: string;
}

export interface ExtractedPage {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  /** In content-stream order, blank items dropped. */
  readonly items: readonly TextItem[];
}

export interface ExtractedDocument {
  readonly pages: readonly ExtractedPage[];
}
