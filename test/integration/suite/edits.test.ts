import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { landsOn } from '../../../src/extension/edits';

/** The form computes its edits on the text kept in step with the document; they are written only when they land on the same text. */
describe('edits made on a kept copy of the text', () => {
  const text = 'kind: digital-human\r\nname: Billing\r\nvoice_speed: fast\r\n# a comment\r\n';
  const offset = text.indexOf('fast');
  const edits = [{ offset, length: 4, newText: 'slow' }];

  it('land when the copy is the document, on CRLF lines and at the end', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'yaml' });
    assert.equal(landsOn(doc, text, edits), true);
    assert.equal(landsOn(doc, text, [{ offset: text.length, length: 0, newText: 'x' }]), true);
    assert.equal(landsOn(doc, text, []), true);
  });

  it('do not land when the copy differs on the lines edited or in length', async () => {
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'yaml' });
    assert.equal(landsOn(doc, text.replace('voice_speed', 'voice_spee_'), edits), false, 'the edited line differs');
    assert.equal(
      landsOn(doc, text.replace('voice_speed: fast\r\n', 'voice_speed: fast\n'), edits),
      false,
      'its line break',
    );
    assert.equal(landsOn(doc, text + ' ', edits), false, 'longer');
    assert.equal(landsOn(doc, text.replace('Billing', 'Billin'), edits), false, 'shorter, an earlier line');
  });
});
