package cn.newsevents.query.api;

import java.util.List;

/**
 * One page of a list endpoint: {@code items} in the endpoint's order and {@code next}, the opaque cursor of the
 * following page (null on the last page).
 */
public record Page<T>(List<T> items, String next) {
}
