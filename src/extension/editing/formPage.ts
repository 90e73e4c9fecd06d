/**
 * The form editor's page (the webview's HTML): a strict CSP with a fresh nonce, the form's own
 * script and style sheet inside it, the icon font's style sheet linked.
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
 * The page: a strict CSP with a fresh nonce, our own script and styles inside it (a webview fetches
 * each file it links through VS Code, one round trip each, before the script may run), and the icon
 * font's style sheet linked after the script, so the script does not wait for it.
 */
export function formPage(web: vscode.Webview, assets: vscode.Uri, media: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const uri = (base: vscode.Uri, file: string): string => web.asWebviewUri(vscode.Uri.joinPath(base, file)).toString();
  const csp = [
    `default-src 'none'`,
    `style-src ${web.cspSource} 'nonce-${nonce}'`,
    `font-src ${web.cspSource}`,
    `img-src ${web.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
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
<link rel="stylesheet" href="${uri(assets, 'codicon.css')}">
</body>
</html>`;
}
