/**
 * The kiosk's two sounds: the {@link org.culturecard.kiosk.ui.sound.Sounds} port and its JavaFX
 * media adapter {@link org.culturecard.kiosk.ui.sound.ClipSounds}. Depends on no other ui package.
 */
package org.culturecard.kiosk.ui.sound;
