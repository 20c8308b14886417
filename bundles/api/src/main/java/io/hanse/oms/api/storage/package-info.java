/**
 * Storage for plugin bundles that own tables of their own (the card vault, gift cards, on-account
 * credit): the core migrates their schema and runs their JDBC transactions, with the same retry of
 * transient failures as its own.
 */
package io.hanse.oms.api.storage;
