package dev.backchannel.desktop.window;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * Where the next window opens: each one a step down and to the right of the last, so a new window
 * never lands exactly on top of another; back to the top-left corner when the next one would run
 * off the screen.
 */
final class Cascade {

    private final Rectangle2D screen;
    private final double step;
    private int placed;

    Cascade(Rectangle2D screen, double step) {
        this.screen = screen;
        this.step = step;
    }

    /** The top-left corner for the next window of this size. */
    Point2D next(double width, double height) {
        double x = screen.getMinX() + step * (1 + placed);
        double y = screen.getMinY() + step * (1 + placed);
        if (x + width > screen.getMaxX() || y + height > screen.getMaxY()) {
            placed = 0;
            x = screen.getMinX() + step;
            y = screen.getMinY() + step;
        }
        placed++;
        return new Point2D(x, y);
    }
}
