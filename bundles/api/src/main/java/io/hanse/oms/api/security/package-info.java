/** The role model shared by REST, SOAP and the shell. */
package io.hanse.oms.api.security;
