// Warns before the idle timeout (WCAG 2.2.1) and lets the person stay signed in.
// The server ends the session whatever this script does; this only gives notice.
const body = document.body;
const idle = Number(body.dataset.idleSeconds);
const warning = Number(body.dataset.idleWarningSeconds);
const dialog = document.getElementById("session-timeout");
let warnTimer, endTimer;

function schedule() {
  clearTimeout(warnTimer);
  clearTimeout(endTimer);
  warnTimer = setTimeout(warn, Math.max(idle - warning, 0) * 1000);
  endTimer = setTimeout(() => window.location.assign(body.dataset.timedOutUrl), idle * 1000);
}

function warn() {
  const text = document.getElementById("session-timeout-text");
  text.textContent = `To protect the information in Bluelight, you will be signed out in ${Math.round(warning / 60)} minutes unless you choose to stay signed in. Anything you have not saved will be lost.`;
  if (typeof dialog.showModal === "function") dialog.showModal();
  dialog.querySelector("[data-keep-alive]").focus();
}

dialog.querySelector("[data-keep-alive]").addEventListener("click", async () => {
  const response = await fetch(body.dataset.keepAliveUrl, { credentials: "same-origin", cache: "no-store" });
  if (response.ok) {
    dialog.close();
    schedule();
  } else {
    window.location.assign(body.dataset.timedOutUrl);
  }
});

if (idle > 0 && dialog) schedule();
