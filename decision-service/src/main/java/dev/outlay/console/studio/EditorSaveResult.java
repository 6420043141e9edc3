package dev.outlay.console.studio;

import dev.outlay.decisions.ValidationMessage;

import java.util.List;

/**
 * What the editor page's Save answers (JSON, read by studio-editor.js): the stored draft's hash, or why nothing was
 * stored with every validator message and its location (element id, line, column).
 */
public record EditorSaveResult(boolean stored, boolean created, String hash, String status, String page, String summary,
                               List<ValidationMessage> messages) {
}
