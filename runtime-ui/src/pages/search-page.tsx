export { SearchPage } from '../search/search-page';
