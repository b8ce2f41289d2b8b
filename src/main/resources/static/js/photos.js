// Photo fields on the case forms: refuse too many, too big or unaccepted files as soon as they are chosen
// (the server checks again), and list what will be sent.
document.addEventListener('DOMContentLoaded', () => {
  const accepted = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(input => {
    const shown = document.getElementById(input.id + '-chosen');
    input.addEventListener('change', () => {
      const files = Array.from(input.files);
      let problem = '';
      if (files.length > Number(input.dataset.maxCount)) {
        problem = input.dataset.tooMany;
      }
      for (const f of files) {
        if (problem) break;
        if (f.size > Number(input.dataset.maxBytes)) problem = input.dataset.tooBig.replace('%s', f.name);
        else if (f.type && !accepted.includes(f.type)) problem = input.dataset.badType.replace('%s', f.name);
      }
      input.setCustomValidity(problem);
      if (problem) input.reportValidity();
      if (shown) shown.textContent = problem || files.map(f => f.name + ' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)').join('、');
    });
  });
});
