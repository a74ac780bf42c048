// Interactive targets smaller than `min` CSS px (radios and checkboxes measured by their label).
((min) => {
  const small = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== "hidden" && style.display !== "none";
  };
  const inText = (el) => {  // an inline link inside a sentence is exempt (WCAG 2.5.8)
    const p = el.closest("p, li");
    return el.tagName === "A" && p && p.textContent.trim() !== el.textContent.trim();
  };
  const targets = new Set();
  const selector = 'button, a[href], input:not([type="hidden"]), textarea, select, summary, [role="tab"], '
    + '[role="option"], [role="switch"], [tabindex]:not([tabindex="-1"])';
  for (const el of document.querySelectorAll(selector)) {
    let target = el;
    if (el.matches('input[type="radio"], input[type="checkbox"]')) target = el.closest("label") || el;
    else if (el.matches("input, textarea")) {
      target = el.closest('[data-testid="stTextInputRootElement"], [data-testid="stTextAreaRootElement"], '
        + '.react-aria-ComboBox [role="group"], [data-baseweb="input"], [data-baseweb="textarea"]') || el;
    }
    if (el.closest('[data-testid="stSkipToContent"]') || el.matches('[data-testid="stSkipToContent"]')) continue;
    if (el.closest('iframe, [data-testid="stToolbar"] [data-testid="stToolbarActions"]')) continue;
    if (el.tagName === "H1" || el.getAttribute("tabindex") === "0" && el.matches('[data-testid="stMain"], section, div[role="region"]')) continue;
    const sidebar = el.closest('[data-testid="stSidebar"]');
    if (sidebar && (sidebar.getAttribute("aria-expanded") === "false" || sidebar.getBoundingClientRect().right <= 20)) continue;
    if (!visible(target) || inText(el)) continue;
    targets.add(target);
  }
  for (const target of targets) {
    const r = target.getBoundingClientRect();
    const scale = !!target.closest('[class*="st-key-sdm-scale-"]');
    if (r.height < min - 0.5 || r.width < min - 0.5) {
      const name = (target.getAttribute("aria-label") || target.textContent || target.tagName).trim().slice(0, 40);
      small.push({ name, width: Math.round(r.width), height: Math.round(r.height), scale });
    }
  }
  return small;
})
