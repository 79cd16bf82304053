// Guichet portal: the copy button of the one-time token reveal. No inline script anywhere (CSP).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('data-copy-target'));
      if (!target) { return; }
      var done = function () { button.textContent = 'Jeton copié'; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(target.value).then(done, function () { target.select(); });
      } else {
        target.select();
        try { document.execCommand('copy'); done(); } catch (e) { /* selection left for a manual copy */ }
      }
    });
  });
});
