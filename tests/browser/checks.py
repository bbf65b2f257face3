"""What the browser suite checks on each page it loads.

Every check takes the loaded page (`Load`) and returns its problems as lines that start with the check's
name ("axe: image-alt (critical) ..."), an empty list when the page passes, so that one test can run them
all on one load and report every failure at once.
"""

import re
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, Response

# Axe rule tags: WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()

NOINDEX = re.compile(r"<meta\s+name=\"robots\"\s+content=\"[^\"]*noindex", re.IGNORECASE)

# How many offending elements or Tab stops a problem line names before it says "and N more".
SHOWN = 5


@dataclass
class Load:
    """One page as the browser got it: the live page, the server's response and what the console said."""

    page: Page
    response: Response
    site_url: str
    language: str
    # What its page type promises: the status it answers with, and whether it asks not to be indexed.
    status: int
    noindex: bool
    # (message, URL of its source) for each console error (CSP violations among them) and uncaught script
    # error, as they arrive.
    console: list = field(default_factory=list)

    @property
    def html(self):
        return self.response.body()


def listing(items):
    items = list(items)
    more = f" and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    return ", ".join(items[:SHOWN]) + more


def status(load):
    if load.response.status != load.status:
        return [f"status: {load.response.status}, expected {load.status}"]
    return []


def indexing(load):
    """Search engines may index every public page except those its page type marks noindex (search)."""
    noindex = bool(NOINDEX.search(load.html.decode()))
    if noindex != load.noindex:
        return [f"indexing: the page {'asks' if noindex else 'does not ask'} search engines not to index it"]
    return []


def axe(load):
    """axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation."""
    results = AXE.run(
        load.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    )
    return [
        f"axe: {violation['id']} ({violation['impact']}): {violation['help']}, at "
        + listing(" ".join(node["target"]) for node in violation["nodes"])
        for violation in results.response["violations"]
    ]


# The elements wider than the window, innermost first: what to fix when the page scrolls sideways.
OVERFLOW = """() => {
  const client = document.documentElement.clientWidth;
  const wide = [...document.body.querySelectorAll("*")].filter(el => el.getBoundingClientRect().right > client + 0.5);
  const innermost = wide.filter(el => !wide.some(other => other !== el && el.contains(other)));
  return {
    scroll: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    client,
    wide: innermost.map(el => el.outerHTML.slice(0, 80)),
  };
}"""


def overflow(load):
    """Nothing scrolls sideways (WCAG 1.4.10 Reflow)."""
    widths = load.page.evaluate(OVERFLOW)
    if widths["scroll"] <= widths["client"] and widths["body"] <= widths["client"]:
        return []
    return [
        f"overflow: the page is {max(widths['scroll'], widths['body'])} px wide in a {widths['client']} px window, "
        f"because of {listing(widths['wide'])}"
    ]


def fonts(load):
    """Thai text is drawn in the self-hosted Sarabun, its Thai subset fetched from /static/fonts/."""
    page = load.page
    faces = page.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Sarabun' && f.status === 'loaded')"
        ".map(f => f.unicodeRange)"
    )
    font_files = page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.woff2'))"
    )
    selector = "h1" if load.language == "th" else ".language-switcher [lang=th]"
    used = rendered_font_families(page, selector)
    if used is None:
        return [f"fonts: no element matches {selector}"]
    problems = []
    if not any("E01" in unicode_range.upper() for unicode_range in faces):
        problems.append(f"fonts: no Sarabun face with Thai letters loaded (loaded: {faces})")
    if not any(name.startswith(load.site_url + "/static/fonts/sarabun-thai-") for name in font_files):
        problems.append(f"fonts: the Thai Sarabun file was not fetched (fetched: {font_files})")
    if used != ["Sarabun"]:
        problems.append(f"fonts: {selector} is drawn in {used}, not Sarabun")
    return problems


def rendered_font_families(page, selector):
    """The fonts Chromium actually drew an element's text with (DevTools' "Rendered Fonts"), or None when
    no element matches."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    if not node:
        return None
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return sorted({font["familyName"] for font in fonts})


# What the focused element is and how its focus shows, read in the page after each Tab press. The
# outline's contrast is measured against what is drawn just outside the element, where the outline sits
# (WCAG 1.4.11: a focus indicator needs 3:1 against adjacent colours).
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const rgba = colour => (colour.match(/[\\d.]+/g) || []).map(Number);
  const backdrop = () => {
    const x = box.left > 8 ? box.left - 3.5 : box.right + 3.5;
    const behind = document.elementsFromPoint(x, box.top + box.height / 2).find(n => n !== el && !el.contains(n));
    for (let n = behind; n; n = n.parentElement) {
      const c = rgba(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const luminance = rgb => rgb.map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const contrast = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (light + 0.05) / (dark + 0.05);
  };
  return {
    html: el.outerHTML.slice(0, 120),
    href: el.getAttribute("href"),
    region: el.closest(".language-switcher") ? "switcher" : el.closest(".main-nav") ? "nav" : "other",
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    boxShadow: style.boxShadow,
    outlineContrast: contrast(rgba(style.outlineColor).slice(0, 3), backdrop()),
    width: box.width,
    height: box.height,
    inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
  };
}"""

MAX_TAB_STOPS = 200


def tab_through(page):
    """Press Tab from the top of the page until focus leaves the document or comes round again."""
    stops = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or (stops and state["html"] == stops[0]["html"]):
            break
        stops.append(state)
    return stops


def keyboard(load):
    """Keyboard alone, from the top of a freshly loaded page: the skip link is the first Tab stop, shows
    and moves focus to <main>; every Tab stop shows a visible focus indicator with 3:1 contrast and stays in
    view; every link of the main navigation and of the language switcher is reached by Tab."""
    page = load.page
    links = page.evaluate(
        "[['nav', '.main-nav a'], ['switcher', '.language-switcher a']]"
        ".flatMap(([region, selector]) => [...document.querySelectorAll(selector)]"
        ".map(a => [region, a.getAttribute('href')]))"
    )

    stops = tab_through(page)

    if not stops:
        return ["keyboard: Tab reaches nothing on the page"]
    problems = []
    first = stops[0]
    if first["href"] != "#main":
        problems.append(f"skip link: the first Tab stop is {first['html']}, not the skip link")
    elif not (first["inViewport"] and first["width"] > 0 and first["height"] > 0):
        problems.append("skip link: not shown when focused")
    else:
        page.focus("a[href='#main']")
        page.keyboard.press("Enter")
        focused = page.evaluate("[document.activeElement.tagName, document.activeElement.id]")
        if focused != ["MAIN", "main"]:
            problems.append(f"skip link: Enter moves focus to {focused}, not <main id=main>")
    invisible = [
        stop["html"]
        for stop in stops
        if not (stop["outlineStyle"] != "none" and stop["outlineWidth"] >= 2) and stop["boxShadow"] == "none"
    ]
    if invisible:
        problems.append(f"focus: no visible focus indicator on {listing(invisible)}")
    faint = [f"{stop['html']} ({stop['outlineContrast']:.2f}:1)" for stop in stops if stop["outlineContrast"] < 3]
    if faint:
        problems.append(f"focus: outline contrast below 3:1 against its surroundings on {listing(faint)}")
    hidden = [stop["html"] for stop in stops if not stop["inViewport"]]
    if hidden:
        problems.append(f"focus: focused but scrolled out of view: {listing(hidden)}")
    if not any(region == "nav" for region, _ in links) or not any(region == "switcher" for region, _ in links):
        problems.append("focus order: the page has no main navigation or no language switcher")
    reached = {(stop["region"], stop["href"]) for stop in stops}
    missed = [f"{region} {href}" for region, href in links if (region, href) not in reached]
    if missed:
        problems.append(f"focus order: Tab never reaches {listing(missed)}")
    return problems


def console(load):
    """Nothing the browser complains about: no resource the policy blocked (CSP), failed or script error.

    An error page's own status is what it should be, not a complaint."""
    return [
        f"console: {message} ({url})" if url else f"console: {message}"
        for message, url in load.console
        if not (load.status >= 400 and url == load.response.url and message.startswith("Failed to load resource"))
    ]


def html_validity(checker):
    """The Nu HTML Checker finds no error in the HTML the server sent."""

    def html(load):
        return [f"html: {error}" for error in checker.errors(load.html)]

    return html
