/**
 * Guichet's provider kit: the shared plumbing of every provider adapter (see
 * {@code docs/adding-a-provider.md}).
 */
package fr.guichet.providerkit;
