/** A card holder registers their own library card at the attract screen: tap, scan, PIN (issue 13). */
package org.culturecard.kiosk.ui.self;
