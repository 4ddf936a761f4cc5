package org.culturecard.kiosk.ui.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each screen's group is stated, not implied by where the constant stands in the enum. */
class ScreenTest {

    @Test
    void everyScreenBelongsToTheGroupThatShowsIt() {
        Map<Screen, Screen.Group> expected = new EnumMap<>(Screen.class);
        expected.put(Screen.ATTRACT, Screen.Group.ATTRACT);
        for (Screen result : new Screen[] {Screen.WELCOME, Screen.ALREADY_CHECKED_IN, Screen.NOT_A_LIBRARY_CARD,
                Screen.READER_UNAVAILABLE, Screen.ERROR, Screen.STAFF_CARD_REFUSED, Screen.NOT_REGISTERED}) {
            expected.put(result, Screen.Group.RESULT);
        }
        expected.put(Screen.STAFF_PIN, Screen.Group.PIN);
        for (Screen page : new Screen[] {Screen.STAFF, Screen.STAFF_EVENTS, Screen.STAFF_EDITOR, Screen.STAFF_STATUS,
                Screen.STAFF_SETTINGS, Screen.STAFF_REGISTER}) {
            expected.put(page, Screen.Group.STAFF);
        }
        expected.put(Screen.SELF_REGISTER, Screen.Group.SELF);

        assertThat(expected).as("every screen is listed here").hasSize(Screen.values().length);
        Arrays.stream(Screen.values()).forEach(screen -> assertThat(screen.group()).as(screen.name())
                .isEqualTo(expected.get(screen)));
    }

    @Test
    void aStaffCardRefusedIsAResultNotAStaffScreenThoughItsNameSaysStaff() {
        assertThat(Screen.STAFF_CARD_REFUSED.isResult()).isTrue();
        assertThat(Screen.STAFF_CARD_REFUSED.isStaff()).isFalse();
        assertThat(Screen.STAFF_CARD_REFUSED.acceptsTaps()).isTrue();
    }

    @Test
    void staffModeIsThePinPadAndThePagesAndOnlyThePagesRefuseTaps() {
        assertThat(Arrays.stream(Screen.values()).filter(Screen::isStaff)).containsExactlyInAnyOrder(Screen.STAFF_PIN,
                Screen.STAFF, Screen.STAFF_EVENTS, Screen.STAFF_EDITOR, Screen.STAFF_STATUS, Screen.STAFF_SETTINGS,
                Screen.STAFF_REGISTER);
        assertThat(Arrays.stream(Screen.values()).filter(screen -> !screen.acceptsTaps())).containsExactlyInAnyOrder(
                Screen.STAFF, Screen.STAFF_EVENTS, Screen.STAFF_EDITOR, Screen.STAFF_STATUS, Screen.STAFF_SETTINGS,
                Screen.STAFF_REGISTER, Screen.SELF_REGISTER);
        assertThat(Screen.SELF_REGISTER.isStaff()).as("a card holder's own page is not staff mode").isFalse();
        assertThat(Arrays.stream(Screen.values()).filter(Screen::timesOutWhenIdle)).containsExactlyInAnyOrder(
                Screen.STAFF_PIN, Screen.STAFF, Screen.STAFF_EVENTS, Screen.STAFF_EDITOR, Screen.STAFF_STATUS,
                Screen.STAFF_SETTINGS, Screen.STAFF_REGISTER, Screen.SELF_REGISTER);
        assertThat(Arrays.stream(Screen.values()).filter(Screen::isResult)).doesNotContain(Screen.ATTRACT)
                .doesNotContainAnyElementsOf(Arrays.stream(Screen.values()).filter(Screen::isStaff).toList());
    }
}
