package org.yidan.settlement.boundary;

import java.util.List;

/**
 * Warnings about a person that a component above settlement knows (e.g. the watch's return-to-poverty risk) and the
 * counter shows when the person is looked up. Implemented above; settlement only asks.
 */
public interface PersonFlags {

    /** @return texts for the clerk, already in the user's language; empty when there is nothing to say */
    List<String> flagsFor(String idNumber);
}
