/**
 * The form editor's page (the webview's HTML): a strict CSP with a fresh nonce, the form's own
 * script (icons included) and style sheet inside it; the page fetches nothing.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

/** The form's script and style sheet, read once: they go inside the page, not fetched by the webview. */
const inlined = new Map<string, string>();
function inline(file: vscode.Uri): string {
  let text = inlined.get(file.fsPath);
  if (text === undefined) inlined.set(file.fsPath, (text = readFileSync(file.fsPath, 'utf8')));
  return text;
}

/**
 * The page: a strict CSP with a fresh nonce, our own script and styles inside it. A webview fetches
 * each file it links through VS Code, one round trip each, before the script may run; the icons,
 * once a font linked after the script, arrived about 0.3 s (up to 0.9 s) after the form was drawn.
 * So the CSP allows nothing but these two elements.
 */
export function formPage(assets: vscode.Uri, media: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${inline(vscode.Uri.joinPath(media, 'form.css'))}</style>
<title>Bluejay Form</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}">${inline(vscode.Uri.joinPath(assets, 'form.js'))}</script>
</body>
</html>`;
}
