// Starts django-prose-editor's editor on every rich-text field of an admin form (iad_site/core/richtext.py).
// The library's own loader needs an inline import map, and Tiptap would inject a <style> element: the site's
// Content-Security-Policy allows neither, so the bundle is imported by its address and Tiptap's styles come
// from prosemirror.css. What it does is the library's createTextareaEditor with injectCSS turned off, links
// reduced to what the site keeps, and pasted HTML read without its styles.
import * as prose from "../django_prose_editor/editor.js";

const CONFIG = "data-django-prose-editor-configurable";
// A link is its address and title only (what richtext.ALLOWLIST keeps): Tiptap's own link would also carry a
// pasted link's target, rel and class along, and give every pasted or typed address target="_blank".
const OURS = {
  Link: prose.Link.extend({
    addAttributes() {
      const { href, title } = this.parent();
      return { href, title };
    },
  }).configure({ HTMLAttributes: { target: null, rel: null, class: null } }),
};
// ProseMirror always holds one block: an untouched editor is an empty field, not "<p></p>".
const EMPTY = /^<(\w+)(\s[^>]*)?><\/\1>$/i;

// Pasted HTML without its styles and scripts. Any parse of it in the page (ProseMirror's, or a DOMParser's)
// would have the site's policy block and report each <style>, style="", <script> and onclick="" in it (Word
// documents carry dozens): so those elements and handlers are cut from the text, and the style attributes
// renamed, before anything parses it. Word and Google Docs mark bold and italic by style, so those two become
// <strong> and <em> (and Google Docs' wrapper, <b style="font-weight:normal">, stops being bold); the rest of
// the styling goes. The editor's schema then keeps only its own elements.
const STYLE_AND_SCRIPT_ELEMENTS = /<(style|script)\b[\s\S]*?<\/\1\s*>/gi;
const HANDLERS = /\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const TAGS = /<[a-z][^>]*>/gi;
const STYLE_ATTRIBUTE = /(\s)style(\s*=)/gi;
const PASTED_STYLE = "data-pasted-style";
const BOLD = /font-weight\s*:\s*(bold|[6-9]00)/i;
const NOT_BOLD = /font-weight\s*:\s*(normal|[1-5]00)/i;
const ITALIC = /font-style\s*:\s*italic/i;

function wrapChildren(element, tag) {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...element.childNodes);
  element.append(wrapper);
}

function withoutStyles(html) {
  const renamed = html
    .replace(STYLE_AND_SCRIPT_ELEMENTS, "")
    .replace(TAGS, (tag) => tag.replace(HANDLERS, "").replace(STYLE_ATTRIBUTE, `$1${PASTED_STYLE}$2`));
  const doc = new DOMParser().parseFromString(renamed, "text/html");
  for (const element of [...doc.body.querySelectorAll(`[${PASTED_STYLE}]`)]) {
    const style = element.getAttribute(PASTED_STYLE);
    element.removeAttribute(PASTED_STYLE);
    if (element.localName === "b" && NOT_BOLD.test(style)) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    if (BOLD.test(style) && !["b", "strong"].includes(element.localName)) {
      wrapChildren(element, "strong");
    }
    if (ITALIC.test(style) && !["i", "em"].includes(element.localName)) {
      wrapChildren(element, "em");
    }
  }
  return doc.body.innerHTML;
}

// The library writes its toolbar's names (title, aria-label, the block menu's entries) in English, without
// gettext: they are put through the admin's JavaScript catalogue (locale/*/djangojs.po) here, and again when
// the library rewrites one (the block button names the current block as the cursor moves).
const translate = window.gettext || ((text) => text);
const NAMED_BY = ["title", "aria-label"];

function translateMenu(menubar) {
  for (const element of menubar.querySelectorAll("*")) {
    for (const attribute of NAMED_BY) {
      const name = element.getAttribute(attribute);
      if (name && translate(name) !== name) {
        element.setAttribute(attribute, translate(name));
      }
    }
    const text = element.children.length === 0 && element.textContent.trim();
    if (text && translate(text) !== text) {
      element.textContent = translate(text);
    }
  }
}

function keepMenuTranslated(wrapper) {
  const menubar = wrapper.querySelector(".prose-menubar");
  if (!menubar) {
    return;
  }
  translateMenu(menubar);
  new MutationObserver(() => translateMenu(menubar)).observe(menubar, {
    subtree: true,
    childList: true,
    characterData: true,
    attributeFilter: NAMED_BY,
  });
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) {
    return;
  }
  const config = JSON.parse(textarea.getAttribute(CONFIG));
  const extensions = Object.entries(config.extensions).map(([name, options]) => {
    const extension = OURS[name] || prose[name];
    return typeof options === "object" ? extension.configure(options) : extension;
  });
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
    editorProps: { transformPastedHTML: withoutStyles },
    onUpdate({ editor }) {
      const html = editor.getHTML();
      textarea.value = EMPTY.test(html) ? "" : html;
      // Typing counts as typing in the form (the session keepalive listens for it).
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onCreate() {
      keepMenuTranslated(wrapper);
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
}

prose.initializeEditors(createEditor, `[${CONFIG}]`);
