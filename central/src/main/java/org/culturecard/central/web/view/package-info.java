/** What the jte templates are given: the page frame (title, texts, nonce, navigation) and the renderer. */
package org.culturecard.central.web.view;
