// Runs in Node, in tests: a small catalog with the films and people the Ask tests talk about.
import { AskCatalog, type AskFilm } from './ask-catalog';

const film = (id: number, title: string, year: number, extra: Partial<AskFilm> = {}): AskFilm => ({
  id,
  title,
  alternateTitles: [],
  year,
  genres: [],
  tags: [],
  ratingCount: 10,
  meanRating: 3.5,
  ...extra,
});

export const askTestFilms: AskFilm[] = [
  film(1, 'Inception', 2010, {
    genres: ['Sci-Fi', 'Thriller'],
    runtime: 148,
    directors: ['Christopher Nolan'],
    cast: ['Leonardo DiCaprio'],
    ratingCount: 140,
  }),
  film(2, 'Heat', 1995, {
    genres: ['Crime', 'Thriller'],
    runtime: 170,
    directors: ['Michael Mann'],
    cast: ['Al Pacino', 'Robert De Niro'],
    ratingCount: 100,
    keywords: ['bank robbery', 'los angeles'],
  }),
  film(3, 'Heat', 1986, { genres: ['Action'], ratingCount: 2 }),
  film(4, 'Alien', 1979, {
    genres: ['Horror', 'Sci-Fi'],
    runtime: 117,
    directors: ['Ridley Scott'],
    ratingCount: 120,
    tags: ['atmospheric', 'space'],
  }),
  film(5, 'The Matrix', 1999, { genres: ['Action', 'Sci-Fi'], runtime: 136, ratingCount: 200 }),
  film(6, 'Big', 1988, {
    genres: ['Comedy'],
    directors: ['Penny Marshall'],
    cast: ['Tom Hanks'],
    ratingCount: 80,
  }),
  film(7, 'Sleepless in Seattle', 1993, {
    genres: ['Comedy', 'Romance'],
    cast: ['Tom Hanks', 'Meg Ryan'],
  }),
  film(8, 'Interstellar', 2014, {
    genres: ['Sci-Fi'],
    runtime: 169,
    directors: ['Christopher Nolan'],
    ratingCount: 90,
  }),
  film(9, 'Amélie', 2001, {
    alternateTitles: ['Fabuleux destin d’Amélie Poulain, Le'],
    genres: ['Comedy', 'Romance'],
  }),
  film(10, 'Dunkirk', 2017, {
    genres: ['War'],
    directors: ['Christopher Nolan'],
    cast: ['Tom Hardy'],
  }),
  film(11, 'Ronin', 1998, { genres: ['Action'], cast: ['Robert De Niro'] }),
  film(12, 'Fargo', 1996, { genres: ['Crime'], directors: ['Joel Coen', 'Ethan Coen'] }),
  film(13, 'No Country for Old Men', 2007, { genres: ['Crime'], directors: ['Ethan Coen'] }),
  film(14, 'Nolan', 2005, { genres: ['Documentary'], directors: ['Jan Nolan'] }),
];

export const askTestCatalog = () => new AskCatalog(askTestFilms);
