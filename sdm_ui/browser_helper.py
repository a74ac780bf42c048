"""A small script in the family's browser for what Streamlit leaves to the browser.

Mounted once per page (`mount`), it:
- saves text while it is typed: Streamlit only sends a text field's value when the field
  loses focus, so after a pause in typing the script asks the field to send it (the same
  Ctrl+Enter a person could press). A reload, a closed tab or a server restart then loses at
  most the last pause's worth of typing;
- shows a counter near a text's limit and says when it is over (nothing is cut off: the
  fields have no hard `max_chars`, see `sdm_aid.wizard.fields.TEXT_LIMITS`);
- switches the save line to "not saved yet" while someone types;
- sets the page language (`<html lang>`) to the session's language, and puts Streamlit's
  few own words that a family can meet ("Skip to main content", labels read out by screen
  readers) into it (`CHROME`);
- moves the focus to the page's heading when it changes (the next step), so a keyboard or
  screen reader starts at the top of the new step;
- replaces Streamlit's English "Connection error" dialog by a calm message in the session's
  language while the server cannot be reached;
- keeps a cookie that says only "a conversation was open here, in this language", so that
  after a server restart the page can offer to continue with the code (`sdm_ui.recovery`).
  No id, no code, no answer is ever put in it.

Everything here is our own code (no user text is ever put into the script), and the page
works without it: then text is saved when the field loses focus.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from sdm_aid.i18n import Language, Translator
from sdm_aid.i18n.languages import SOURCE
from sdm_aid.sessions.models import MAX_LABEL
from sdm_aid.wizard.fields import TEXT_LIMITS
from sdm_ui import state

COOKIE = state.CONVERSATION_COOKIE
TYPING_PAUSE_MS = 900

_JS = r"""
export default function (component) {
  const sdm = (window.__sdm = window.__sdm || { installed: false, timers: new Map() });
  sdm.data = component.data || {};
  const data = sdm.data;
  if (data.lang && document.documentElement.lang !== data.lang) {
    document.documentElement.lang = data.lang;
  }
  if (data.conversation === true) {
    document.cookie = `${data.cookie}=${data.lang}; path=/; SameSite=Strict; max-age=86400`;
  } else if (data.conversation === false) {
    document.cookie = `${data.cookie}=; path=/; SameSite=Strict; max-age=0`;
  }
  if (!sdm.installed) {
    sdm.installed = true;
    document.addEventListener("input", onInput, true);
    const watch = { childList: true, subtree: true, characterData: true };
    new MutationObserver(onChange).observe(document.body, watch);
  }
  onChange();
}

function onChange() {
  watchConnection();
  const sdm = window.__sdm;
  if (sdm.pending) return;
  sdm.pending = true;
  requestAnimationFrame(() => {
    sdm.pending = false;
    translateChrome();
    watchHeading();
  });
}

function setText(el, text) {
  const node = Array.from(el.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue.trim());
  if (node) node.nodeValue = text;  // the text node React keeps: never replace nodes it owns
}

function translateChrome() {
  const chrome = window.__sdm.data.chrome || {};
  if (!Object.keys(chrome).length) return;
  const skip = document.querySelector('[data-testid="stSkipToContent"]');
  if (skip && chrome[skip.textContent.trim()]) setText(skip, chrome[skip.textContent.trim()]);
  const prefixes = window.__sdm.data.prefixes || {};
  for (const el of document.querySelectorAll("[aria-label],[title],[placeholder]")) {
    for (const attr of ["aria-label", "title", "placeholder"]) {
      const value = el.getAttribute(attr);
      if (!value) continue;
      if (chrome[value]) el.setAttribute(attr, chrome[value]);
      for (const [english, own] of Object.entries(prefixes)) {
        if (value.startsWith(english)) el.setAttribute(attr, own + value.slice(english.length));
      }
    }
  }
}

function watchHeading() {
  // The step's heading: on a person's own device the part (h2), else the page's h1.
  const heading = document.querySelector("h2.sdm-part") || document.querySelector("h1.sdm-title");
  if (!heading) return;
  const sdm = window.__sdm;
  const text = heading.textContent;
  if (sdm.heading === undefined) {
    sdm.heading = text;  // the first page: leave the focus where the browser puts it
    return;
  }
  if (text === sdm.heading) return;
  sdm.heading = text;
  heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
}

function limitOf(field) {
  const holder = field.closest('[class*="st-key-"]');
  if (!holder) return [null, null];
  const cls = Array.from(holder.classList).find((c) => c.startsWith("st-key-"));
  const data = window.__sdm.data;
  if (data.fixed && data.fixed[cls]) return [holder, data.fixed[cls]];
  // st-key-g<generation>-<element>-<kind>-<ids>: elements use '_', never '-'.
  const match = /^st-key-g\d+-[a-z_]+-(.+)$/.exec(cls);
  if (match && data.kinds) {
    for (const [kind, limit] of Object.entries(data.kinds)) {
      if (match[1] === kind || match[1].startsWith(kind + "-")) return [holder, limit];
    }
  }
  return [holder, null];
}

function announce(text) {
  let region = document.getElementById("sdm-announce");
  if (!region) {
    region = document.createElement("div");
    region.id = "sdm-announce";
    region.setAttribute("aria-live", "polite");
    region.className = "sdm-visually-hidden";
    document.body.appendChild(region);
  }
  region.textContent = text;
}

function fill(template, n, limit) {
  const number = (value) => value.toLocaleString(document.documentElement.lang || "nl");
  return template.replace("{n}", number(n)).replace("{limit}", number(limit));
}

function showCount(field) {
  const [holder, limit] = limitOf(field);
  if (!holder || !limit) return;
  const texts = window.__sdm.data.texts || {};
  const length = field.value.trim().length;
  const wasOver = holder.dataset.sdmOver === "1";
  if (length > limit) {
    holder.dataset.sdmCount = fill(texts.over || "{n} too many", length - limit, limit);
    holder.dataset.sdmOver = "1";
    if (!wasOver) announce(holder.dataset.sdmCount);
  } else if (length >= 0.8 * limit) {
    holder.dataset.sdmCount = fill(texts.count || "{n} of {limit}", length, limit);
    holder.dataset.sdmOver = "0";
  } else {
    delete holder.dataset.sdmCount;
    delete holder.dataset.sdmOver;
  }
}

function onInput(event) {
  const field = event.target;
  const isText = field instanceof HTMLTextAreaElement
    || (field instanceof HTMLInputElement && field.type === "text");
  if (!isText) return;
  showCount(field);
  document.querySelectorAll(".sdm-saved").forEach((line) => {
    if (line.dataset.saved) {
      line.textContent = line.dataset.saved;
      line.classList.add("sdm-saved-bad");
      line.classList.remove("sdm-saved-ok");
    }
  });
  const sdm = window.__sdm;
  clearTimeout(sdm.timers.get(field));
  sdm.timers.set(field, setTimeout(() => send(field), sdm.data.pause || 900));
}

function send(field) {
  window.__sdm.timers.delete(field);
  // A field that lost focus has already sent its value.
  if (!field.isConnected || document.activeElement !== field) return;
  field.dispatchEvent(new KeyboardEvent("keydown", {
    key: "Enter", code: "Enter", bubbles: true, cancelable: true,
    ctrlKey: field instanceof HTMLTextAreaElement,
  }));
}

function watchConnection() {
  const texts = window.__sdm.data.texts || {};
  const dialogs = Array.from(document.querySelectorAll('[role="dialog"]'));
  const lost = dialogs.find((d) => /connection error/i.test(d.textContent || ""));
  let overlay = document.getElementById("sdm-offline");
  if (lost) {
    lost.style.visibility = "hidden";
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "sdm-offline";
      overlay.setAttribute("role", "alertdialog");
      overlay.setAttribute("aria-live", "assertive");
      const title = document.createElement("p");
      title.className = "sdm-offline-title";
      title.textContent = texts.offline_title || "";
      const body = document.createElement("p");
      body.textContent = texts.offline_body || "";
      overlay.append(title, body);
      document.body.appendChild(overlay);
    }
  } else if (overlay) {
    overlay.remove();
  }
}
"""

_CSS = """
[data-sdm-count]::after { content: attr(data-sdm-count); display: block; font-size: 0.95rem;
  color: #37474f; margin-top: 0.2rem; }
[data-sdm-over="1"]::after { color: #b71c1c; font-weight: 600; }
.sdm-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
#sdm-offline { position: fixed; inset: 0; z-index: 1000000; background: rgba(255, 255, 255, 0.97);
  display: flex; flex-direction: column; justify-content: center; align-items: center;
  padding: 2rem; text-align: center; font-size: 1.2rem; color: #102027; }
#sdm-offline .sdm-offline-title { font-size: 1.6rem; font-weight: 700; }
"""

_component = st.components.v2.component("sdm_browser_helper", js=_JS, css=_CSS, isolate_styles=False)

FIXED_LIMITS = {
    "start.youth": MAX_LABEL,
    "start.parent.1": MAX_LABEL,
    "start.parent.2": MAX_LABEL,
    "start.peer_label": MAX_LABEL,
}


def _css_class(key: str) -> str:
    """Streamlit's container class for a widget key (non-alphanumerics become '-')."""
    return "st-key-" + "".join(c if c.isalnum() or c in "_-" else "-" for c in key.strip())


CHROME = (
    "Skip to main content",
    "Open sidebar",
    "Close sidebar",
    "Expand sidebar",
    "Collapse sidebar",
    "Main menu",
    "Running...",
    "Stop",
    "Choose an option",
    "Open",
)
"""Streamlit's own English words that can reach a family (text, aria-label, title); each is a
message id of the `wizard` catalogue. tests/browser checks a Dutch page shows none of them."""


def settings(language: Language, *, conversation: bool | None) -> dict[str, Any]:
    t = Translator("wizard", language)
    return {
        "chrome": {} if language == SOURCE else {english: t(english) for english in CHROME},
        "prefixes": {} if language == SOURCE else {"Help for ": t("Help for {label}", label="")},
        "lang": language,
        "cookie": COOKIE,
        "conversation": conversation,
        "pause": TYPING_PAUSE_MS,
        "kinds": {kind.value: limit for kind, limit in TEXT_LIMITS.items()},
        "fixed": {_css_class(key): limit for key, limit in FIXED_LIMITS.items()},
        "texts": {
            "count": t("{n} of {limit} characters"),
            "over": t("{n} characters too many (at most {limit}). Your text stays here."),
            "offline_title": t("The connection is lost for a moment"),
            "offline_body": t(
                "Your answers so far are saved. Please wait: this screen tries again by itself. "
                "Does it not come back? Ask a staff member, or continue later with your code."
            ),
        },
    }


def mount(language: Language, *, conversation: bool | None) -> None:
    """`conversation`: True while a conversation is open on this screen, False once it is
    cleared, None when the page does not know (leave the cookie as it is)."""
    _component(key="sdm.browser_helper", data=settings(language, conversation=conversation), height=0)
