package care.rapport.feedback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The trajectory models in force for one practice, one per instrument: the defaults, with any
 * instrument the practice has enough data for replaced by its fitted model.
 *
 * @param models one model per instrument, instrument codes unique
 */
public record PracticeTrajectories(List<TrajectoryModel> models) {

	public PracticeTrajectories {
		models = List.copyOf(models);
		var codes = new HashSet<String>();
		for (TrajectoryModel model : models) {
			if (!codes.add(model.instrumentCode())) {
				throw new IllegalArgumentException("Two trajectory models for " + model.instrumentCode());
			}
		}
	}

	/** @return a model per curve of {@code parameters}, each carrying the parameters' provenance */
	public static PracticeTrajectories of(TrajectoryParameters parameters) {
		return new PracticeTrajectories(parameters.curves()
			.stream()
			.map(curve -> new TrajectoryModel(curve, parameters.provenance()))
			.toList());
	}

	/** @return Rapport's default models, see {@link TrajectoryParameters#defaults()} */
	public static PracticeTrajectories defaults() {
		return of(TrajectoryParameters.defaults());
	}

	/** @return the model for this instrument, if there is one */
	public Optional<TrajectoryModel> find(String instrumentCode) {
		return models.stream().filter(model -> model.instrumentCode().equals(instrumentCode)).findFirst();
	}

	/** @return these models with {@code model} taking the place of its instrument's model, or added */
	public PracticeTrajectories with(TrajectoryModel model) {
		var replaced = new ArrayList<TrajectoryModel>(models.size() + 1);
		boolean found = false;
		for (TrajectoryModel existing : models) {
			if (existing.instrumentCode().equals(model.instrumentCode())) {
				replaced.add(model);
				found = true;
			}
			else {
				replaced.add(existing);
			}
		}
		if (!found) {
			replaced.add(model);
		}
		return new PracticeTrajectories(replaced);
	}

}
