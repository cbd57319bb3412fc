/** Who trains and donates to whom: partnerships, programmes, partners, training chains and paths between actors. */
package org.partnershipexplorer.partnership;
