// Click a highlight to find its finding in the list; click a finding's place to see its highlight.
document.addEventListener("click", function (ev) {
  var mark = ev.target.closest && ev.target.closest("mark[data-finding]");
  if (!mark) return;
  var item = document.getElementById("l" + mark.getAttribute("data-finding"));
  if (!item) return;
  document.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
  item.classList.add("focus");
  item.scrollIntoView({ behavior: "smooth", block: "center" });
});
