/**
 * Hanse OMS api: values shared by every bundle (money, pages, errors). Plugins depend on this api
 * and nothing else of Hanse.
 */
package io.hanse.oms.api;
