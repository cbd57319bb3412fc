/** Who may do what: editor tokens (JWT signed with EXPLORER_JWT_SECRET), the caller of a request, the checks. */
package org.partnershipexplorer.access;
