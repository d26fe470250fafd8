// Tasklist's sort control starts at "Created", newest first, for a user who has not chosen a sorting (Camunda
// keeps the choice in the address, `sorting`, and has no setting for the default). The product's filters
// leave the order to it, so the first order a user sees is the one that matters for service levels: due
// date, the earliest first. A user's own choice in the control stays as it is.
const DUE_DATE_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function sortByDueDateUnlessChosen() {
  const [path, query = ''] = (location.hash.slice(1) || '/').split('?');
  const search = new URLSearchParams(query);
  if (path !== '/' || search.has('sorting')) {
    return;
  }
  search.set('sorting', DUE_DATE_FIRST);
  location.replace(`#/?${search}`);
}

sortByDueDateUnlessChosen();
window.addEventListener('hashchange', sortByDueDateUnlessChosen);
