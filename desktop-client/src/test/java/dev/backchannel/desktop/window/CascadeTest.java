package dev.backchannel.desktop.window;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class CascadeTest {

    private final Cascade cascade = new Cascade(new Rectangle2D(0, 0, 1920, 1200), 40);

    @Test
    void eachWindowOpensAStepDownAndRightOfTheLast() {
        Point2D first = cascade.next(1120, 760);
        Point2D second = cascade.next(1120, 760);
        Point2D third = cascade.next(480, 300);

        assertThat(first).isEqualTo(new Point2D(40, 40));
        assertThat(second).isEqualTo(new Point2D(80, 80));
        assertThat(third).isEqualTo(new Point2D(120, 120));
    }

    @Test
    void startsAgainAtTheTopLeftRatherThanLeavingTheScreen() {
        for (int i = 0; i < 11; i++) {
            Point2D corner = cascade.next(1120, 760);
            assertThat(corner.getX() + 1120).isLessThanOrEqualTo(1920);
            assertThat(corner.getY() + 760).isLessThanOrEqualTo(1200);
        }
        // 760 px high windows fit eleven steps of 40 px down a 1200 px screen: the twelfth starts over
        assertThat(cascade.next(1120, 760)).isEqualTo(new Point2D(40, 40));
    }
}
