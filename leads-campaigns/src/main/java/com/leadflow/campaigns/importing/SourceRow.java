package com.leadflow.campaigns.importing;

import java.util.List;

/**
 * One data row of an import file.
 *
 * @param rowNo the row's number among the data rows, 1 for the first row after the header
 */
public record SourceRow(long rowNo, List<String> cells) {

	public String cell(int column) {
		return column < cells.size() ? cells.get(column) : null;
	}
}
