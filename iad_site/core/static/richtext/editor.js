// Starts django-prose-editor's editor on every rich-text field of an admin form (iad_site/core/richtext.py).
// The library's own loader needs an inline import map, and Tiptap would inject a <style> element: the site's
// Content-Security-Policy allows neither, so the bundle is imported by its address and Tiptap's styles come
// from prosemirror.css. What it does is the library's createTextareaEditor with injectCSS turned off.
import * as prose from "../django_prose_editor/editor.js";

const CONFIG = "data-django-prose-editor-configurable";
// ProseMirror always holds one block: an untouched editor is an empty field, not "<p></p>".
const EMPTY = /^<(\w+)(\s[^>]*)?><\/\1>$/i;

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) {
    return;
  }
  const config = JSON.parse(textarea.getAttribute(CONFIG));
  const extensions = Object.entries(config.extensions).map(([name, options]) =>
    typeof options === "object" ? prose[name].configure(options) : prose[name],
  );
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = prose.crel("div", { className: disabled ? "prose-editor disabled" : "prose-editor" });
  textarea.before(wrapper);
  wrapper.append(textarea);
  new prose.Editor({
    element: wrapper,
    editable: !disabled,
    extensions,
    content: textarea.value,
    injectCSS: false,
    onUpdate({ editor }) {
      const html = editor.getHTML();
      textarea.value = EMPTY.test(html) ? "" : html;
      // Typing counts as typing in the form (the session keepalive listens for it).
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
}

prose.initializeEditors(createEditor, `[${CONFIG}]`);
