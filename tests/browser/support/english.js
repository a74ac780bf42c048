// Streamlit's English words on the page (text, aria-label, title, placeholder, alt).
((words) => {
  const found = new Set();
  const seen = (value) => {
    if (!value) return;
    const text = value.trim();
    for (const word of words) {
      if (text === word || (word.includes(" ") && text.includes(word))) found.add(word + " :: " + text.slice(0, 60));
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || el.closest("script,style,noscript")) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    seen(node.nodeValue);
  }
  for (const el of document.querySelectorAll("[aria-label],[title],[placeholder],[alt]")) {
    for (const attr of ["aria-label", "title", "placeholder", "alt"]) seen(el.getAttribute(attr));
  }
  return Array.from(found);
})
