/**
 * The codicons the form shows, as SVG inside its script: drawn with the form's first paint. An
 * icon font arrived about 0.3 s after the form on a 1 MB file (up to 0.9 s), and held the page's
 * load (and with it the state VS Code hands over then) when the form was drawn before it.
 */
import add from '@vscode/codicons/src/icons/add.svg';
import arrowDown from '@vscode/codicons/src/icons/arrow-down.svg';
import arrowUp from '@vscode/codicons/src/icons/arrow-up.svg';
import chevronDown from '@vscode/codicons/src/icons/chevron-down.svg';
import chevronRight from '@vscode/codicons/src/icons/chevron-right.svg';
import circleSlash from '@vscode/codicons/src/icons/circle-slash.svg';
import close from '@vscode/codicons/src/icons/close.svg';
import cloudDownload from '@vscode/codicons/src/icons/cloud-download.svg';
import cloudUpload from '@vscode/codicons/src/icons/cloud-upload.svg';
import diff from '@vscode/codicons/src/icons/diff.svg';
import error from '@vscode/codicons/src/icons/error.svg';
import filter from '@vscode/codicons/src/icons/filter.svg';
import goToFile from '@vscode/codicons/src/icons/go-to-file.svg';
import info from '@vscode/codicons/src/icons/info.svg';
import play from '@vscode/codicons/src/icons/play.svg';
import trash from '@vscode/codicons/src/icons/trash.svg';
import warning from '@vscode/codicons/src/icons/warning.svg';

const SVG = {
  add,
  'arrow-down': arrowDown,
  'arrow-up': arrowUp,
  'chevron-down': chevronDown,
  'chevron-right': chevronRight,
  'circle-slash': circleSlash,
  close,
  'cloud-download': cloudDownload,
  'cloud-upload': cloudUpload,
  diff,
  error,
  filter,
  'go-to-file': goToFile,
  info,
  play,
  trash,
  warning,
} as const;

export type IconName = keyof typeof SVG;

const NS = 'http://www.w3.org/2000/svg';

/** The icon as an `<svg>` of 16 x 16 in the text's colour (its size is the font size: form.css). */
export function iconSvg(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('fill', 'currentColor');
  for (const attrs of SVG[name]) {
    const path = document.createElementNS(NS, 'path');
    for (const [k, v] of Object.entries(attrs)) path.setAttribute(k, v);
    svg.append(path);
  }
  return svg;
}
