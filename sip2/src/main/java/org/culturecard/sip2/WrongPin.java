package org.culturecard.sip2;

/**
 * The card exists but the PIN given with it is wrong (valid patron password: N). Nothing else about
 * the card is revealed to someone who does not know its PIN.
 */
public record WrongPin() implements PatronCheck {
}
