// Shows a running import or export's progress, asking the server every two seconds; reloads when it ends.
// Without JavaScript the page still works: its "Refresh this page" link shows the latest state.
const box = document.getElementById("task-progress");
if (box) {
  const bar = document.getElementById("task-bar");
  const stage = document.getElementById("task-stage");
  const words = document.getElementById("task-words");
  const poll = async () => {
    const response = await fetch(box.dataset.url, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const p = await response.json();
    if (p.status === "done" || p.status === "failed") {
      window.location.reload();
      return;
    }
    bar.max = p.total;
    bar.value = p.done;
    stage.textContent = p.stage;
    words.textContent = `${p.done} of ${p.total} done.`;
    setTimeout(poll, 2000);
  };
  setTimeout(poll, 2000);
}
