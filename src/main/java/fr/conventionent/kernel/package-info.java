/**
 * The kernel: what every feature shares about a convention (its record's types and variable names, the stable
 * group ids, validation of what is submitted, dates and French formats, JSON variables, the French refusal).
 * It imports no other package of the application, so that any feature may build on it without a cycle.
 */
package fr.conventionent.kernel;
