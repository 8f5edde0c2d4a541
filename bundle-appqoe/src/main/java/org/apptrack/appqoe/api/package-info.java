/** AppQoE: public API (filled in by the AppQoE engine). */
package org.apptrack.appqoe.api;
