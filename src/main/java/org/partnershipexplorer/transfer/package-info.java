/** Bulk transfer: POST /import and GET /export over HTTP, and the import, export and token commands. */
package org.partnershipexplorer.transfer;
